package dev.herald.auth.account;

/**
 * Who may do what; UNIT, UNIT_REVIEWER and SUBSCRIBER accounts act for one unit or subscriber. LEADER accounts
 * decide the review stages a workflow gives to leaders, such as the sign-off (签发) of important reports.
 * UNIT_REVIEWER is a unit's responsible person, who signs off the unit's reports before they reach the
 * platform when the unit is registered to want that.
 */
public enum Role {
    UNIT, MODERATOR, ADMIN, SUBSCRIBER, LEADER, UNIT_REVIEWER;

    public boolean boundToId() {
        return this == UNIT || this == SUBSCRIBER || this == UNIT_REVIEWER;
    }
}
