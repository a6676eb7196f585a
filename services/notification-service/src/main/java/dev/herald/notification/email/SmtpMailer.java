package dev.herald.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

/**
 * Turns a stored mail into MIME and hands it to the SMTP server once: multipart/alternative with the
 * plain text first and the HTML last (a client shows the last part it can), UTF-8 throughout.
 */
@Component
class SmtpMailer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final Clock clock;

    SmtpMailer(JavaMailSender sender, EmailProperties properties, Clock clock) {
        this.sender = sender;
        this.from = sender(properties.from());
        this.clock = clock;
    }

    /**
     * @throws MailPreparationException when the mail cannot be made at all (a malformed address): trying
     *                                  again would not help
     * @throws org.springframework.mail.MailException when the server could not be reached or refused it
     */
    void send(EmailMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            mime.setFrom(from);
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to(), true));
            mime.setSubject(message.subject(), UTF_8);
            mime.setSentDate(Date.from(clock.instant()));
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(message.text(), "plain"));
            alternative.addBodyPart(part(message.html(), "html"));
            mime.setContent(alternative);
            // RFC 2369 and 8058: mail clients offer an unsubscribe button that POSTs to the signed link
            if (message.unsubscribeUrl() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            // the same id on every attempt, so a mail resent after a crash between sending and recording
            // can be recognised as the same mail by the receiving side
            mime.setHeader("Message-ID", messageId(message.key()));
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot make mail " + message.key() + ": " + e.getMessage(), e);
        }
        sender.send(mime);
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    private String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parsed once at start, so a mistyped sender stops the service instead of failing every mail. */
    private static InternetAddress sender(String configured) {
        try {
            InternetAddress parsed = new InternetAddress(configured, true);
            // re-encoded, so a Chinese display name travels as RFC 2047 words rather than raw bytes
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("herald.notification.email.from=" + configured + " is not an e-mail address", e);
        }
    }
}
