package dev.herald.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback, one for the whole test JVM so that the cached Spring
 * context keeps pointing at it. It accepts mail for any address; tests tell theirs apart by recipient.
 */
public final class TestMailServer {

    /** A received mail, decoded: the subject as the reader sees it, the alternative parts, the raw headers. */
    public record Mail(MimeMessage message, String subject, String contentType, String text, String textType,
                       String html, String htmlType) {

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final TestMailServer SHARED = new TestMailServer();

    private final int port;
    private volatile GreenMail server;

    private TestMailServer() {
        server = start(0);
        port = server.getSmtp().getPort();
    }

    public static TestMailServer shared() {
        return SHARED;
    }

    public int port() {
        return port;
    }

    /** Stops accepting connections, as an SMTP server that is down would. */
    public synchronized void stop() {
        server.stop();
    }

    /** Starts again on the same port; mails received before the stop are forgotten. */
    public synchronized void restart() {
        server = start(port);
    }

    public List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).map(TestMailServer::read)
                .toList();
    }

    private static GreenMail start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            String text = null, textType = null, html = null, htmlType = null;
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                        textType = part.getContentType();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                        htmlType = part.getContentType();
                    }
                }
            }
            return new Mail(message, message.getSubject(), message.getContentType(), text, textType, html, htmlType);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
