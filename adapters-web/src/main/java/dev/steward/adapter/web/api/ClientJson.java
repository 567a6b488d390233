package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.EntityTags;
import dev.steward.application.client.ClientDetails;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import java.time.Instant;

/** A client as the API shows it. {@code deployStatus.message} is set only when the last push failed. */
public record ClientJson(String id, String slug, String name, String status, DeployStatusJson deployStatus,
                         String mode, String effectiveMode, long configVersion, long version, Instant createdAt,
                         StatusChangeJson lastChange, PsaMappingJson psaMapping) {

    /** Which company of which PSA the client is; null when it is not mapped (its tickets then reach no agent). */
    public record PsaMappingJson(String integrationKind, String companyId) {}

    public record DeployStatusJson(String state, String message) {

        static DeployStatusJson from(DeployStatus status) {
            return switch (status) {
                case DeployStatus.Idle idle -> new DeployStatusJson(idle.label(), null);
                case DeployStatus.Deploying deploying -> new DeployStatusJson(deploying.label(), null);
                case DeployStatus.Removed removed -> new DeployStatusJson(removed.label(), null);
                case DeployStatus.Failed failed -> new DeployStatusJson(failed.label(), failed.message());
            };
        }
    }

    public static ClientJson from(ClientDetails details) {
        Client c = details.client();
        return new ClientJson(c.id().toString(), c.slug().value(), c.name().value(), c.status().label(),
                DeployStatusJson.from(c.deployStatus()), c.mode().label(), details.effectiveMode().label(),
                c.configVersion(), c.version(), c.createdAt(), StatusChangeJson.from(c.lastChange()),
                c.psaMapping().map(m -> new PsaMappingJson(m.integrationKind(), m.companyId())).orElse(null));
    }

    /** The entity tag of a client resource: its version, plus the effective mode (which follows the MSP). */
    public static String entityTag(ClientDetails details) {
        return EntityTags.of(details.client().version(), details.effectiveMode().label());
    }
}
