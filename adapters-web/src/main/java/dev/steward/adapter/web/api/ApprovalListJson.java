package dev.steward.adapter.web.api;

import dev.steward.application.approval.ApprovalDetails;
import java.util.List;

/** Pending approval requests, oldest first. */
public record ApprovalListJson(List<ApprovalJson> items) {

    public static ApprovalListJson from(List<ApprovalDetails> approvals) {
        return new ApprovalListJson(approvals.stream().map(ApprovalJson::from).toList());
    }
}
