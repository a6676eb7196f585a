package dev.herald.moderation.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What an administrator sends to create or replace a workflow; the name is the path's.
 *
 * @param unit       the unit it is for, or absent for the whole channel
 * @param escalation the important reports' extra stage; absent means the leader's sign-off (签发)
 */
record WorkflowRequest(@NotBlank @Size(max = 50) String channel, @Size(min = 1, max = 200) String unit,
                       @NotEmpty @Size(max = WorkflowRequest.MAX_STAGES) List<@Valid StageRequest> stages,
                       @Valid StageRequest escalation) {

    static final int MAX_STAGES = 10;

    record StageRequest(@NotBlank @Size(max = 20) String name, @NotBlank @Size(max = 40) String role, Boolean confidentiality) {

        Stage stage() {
            return new Stage(name.strip(), role.strip(), Boolean.TRUE.equals(confidentiality));
        }
    }
}
