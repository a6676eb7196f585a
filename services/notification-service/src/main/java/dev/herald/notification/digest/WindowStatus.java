package dev.herald.notification.digest;

public enum WindowStatus {
    /** collecting notices, or closed and waiting for the scheduler */
    OPEN,
    /** handed to the subscription's channel as one message */
    SENT,
    /** closed with nothing sent: the subscription was paused, deleted or off, or the window empty */
    DROPPED
}
