package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Body of {@code POST /agent/v1/work/take}: which run of the agent asks ({@code instance}, new at every start), how
 * long it may wait for work, in milliseconds (0-25000), and, when its heartbeat is due, its check-in ({@code checkIn},
 * the body of {@code POST /agent/v1/check-ins}; null: none), so that an idle agent makes one request per heartbeat.
 */
public record TakeJson(UUID instance, long waitMillis,
                       // left out when null: a control plane older than the field refuses it even as null
                       @JsonInclude(JsonInclude.Include.NON_NULL) CheckInJson checkIn) {

    public TakeJson(UUID instance, long waitMillis) {
        this(instance, waitMillis, null);
    }
}
