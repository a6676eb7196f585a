package dev.herald.moderation.workflow;

import java.util.List;

/**
 * The stages a report of one channel and unit goes through, as its workflow said when the report arrived.
 *
 * @param workflow   the workflow's name, or null for a channel without one
 * @param escalation the extra final stage an important report needs
 */
public record Route(String workflow, List<Stage> stages, Stage escalation) {

    public static final Route SINGLE = new Route(null, List.of(Stage.SINGLE), Stage.SIGN_OFF);

    public Route {
        stages = List.copyOf(stages);
    }
}
