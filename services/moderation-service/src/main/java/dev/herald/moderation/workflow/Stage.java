package dev.herald.moderation.workflow;

/**
 * One step a report passes on its way out: its name as the platform calls it (初审, 复审, 终审, 签发), the role
 * whose holders may decide it, and whether it is the confidentiality review (保密审查), whose sign-off records
 * that the check was done.
 */
public record Stage(String name, String role, boolean confidentiality) {

    /** The one stage of a channel without a workflow: any moderator decides, as before workflows. */
    public static final Stage SINGLE = new Stage("审核", Roles.MODERATOR, false);

    /** The leader's sign-off an important report needs when its workflow names no other. */
    public static final Stage SIGN_OFF = new Stage("签发", Roles.LEADER, false);
}
