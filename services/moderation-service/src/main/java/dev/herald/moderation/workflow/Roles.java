package dev.herald.moderation.workflow;

import java.util.List;

/** The token roles a stage may name: the ones whose holders may decide reviews at all. */
public final class Roles {

    public static final String MODERATOR = "MODERATOR";
    /** the platform's leaders, who sign off (签发) what they are asked to */
    public static final String LEADER = "LEADER";
    public static final List<String> DECIDING = List.of(MODERATOR, LEADER);

    private Roles() {
    }
}
