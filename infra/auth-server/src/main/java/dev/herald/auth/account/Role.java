package dev.herald.auth.account;

/**
 * Who may do what; UNIT and SUBSCRIBER accounts act for one unit or subscriber. LEADER accounts decide the
 * review stages a workflow gives to leaders, such as the sign-off (签发) of important reports.
 */
public enum Role {
    UNIT, MODERATOR, ADMIN, SUBSCRIBER, LEADER;

    public boolean boundToId() {
        return this == UNIT || this == SUBSCRIBER;
    }
}
