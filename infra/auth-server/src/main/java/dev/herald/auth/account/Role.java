package dev.herald.auth.account;

/** Who may do what; UNIT and SUBSCRIBER accounts act for one unit or subscriber. */
public enum Role {
    UNIT, MODERATOR, ADMIN, SUBSCRIBER;

    public boolean boundToId() {
        return this == UNIT || this == SUBSCRIBER;
    }
}
