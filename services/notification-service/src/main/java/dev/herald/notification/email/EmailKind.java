package dev.herald.notification.email;

/**
 * CONFIRMATION asks the owner of an address to confirm it and is the only mail an unconfirmed address
 * gets; NOTICES carries one notice or a digest of them, for a confirmed address only; DESK tells the
 * addresses an administrator gave a review desk that a report reached one of its stages.
 */
public enum EmailKind {
    CONFIRMATION, NOTICES, DESK
}
