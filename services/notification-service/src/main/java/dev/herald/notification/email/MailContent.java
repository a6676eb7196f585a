package dev.herald.notification.email;

/** What a mail says, in the two forms a mail client chooses from. */
record MailContent(String subject, String text, String html) {
}
