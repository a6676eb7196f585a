package dev.herald.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail to the people of a review desk when a report reaches a stage they decide.
 *
 * @param consoleUrl    the web console's address as its users reach it; when set, each mail links to the
 *                      review page there ({@code HERALD_NOTIFICATION_DESKMAIL_CONSOLEURL}); unset, the mail
 *                      names the report and the desk only, since a link to a guessed host would mislead
 * @param maxRecipients the most addresses one desk may have: a desk is a few people, not a mailing list
 */
@ConfigurationProperties("herald.notification.desk-mail")
public record DeskMailProperties(String consoleUrl, Integer maxRecipients) {

    public DeskMailProperties {
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? null : consoleUrl.strip().replaceAll("/+$", "");
        maxRecipients = maxRecipients == null ? 20 : maxRecipients;
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("herald.notification.desk-mail.max-recipients must be positive");
        }
    }
}
