package dev.herald.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * `./herald up`'s mail server: SMTP on loopback (GreenMail) that accepts whatever the notification
 * service sends and keeps each mail as an .eml file in the data folder, announced on the console, so a
 * confirmation link or a digest can be read without any mail account.
 */
public final class LocalMailbox implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final GreenMail server;
    private final Path folder;
    private final PrintStream out;
    private final ScheduledExecutorService poller;
    // GreenMail lists mails by mailbox, not by arrival, so what has been saved is told apart by identity
    private final Set<String> saved = new HashSet<>();

    private LocalMailbox(GreenMail server, Path folder, PrintStream out) {
        this.server = server;
        this.folder = folder;
        this.out = out;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-mailbox");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::saveNew, 1, 1, TimeUnit.SECONDS);
    }

    /** Listens on a free loopback port, so it never collides with anything the developer runs. */
    public static LocalMailbox start(Path folder, PrintStream out) throws IOException {
        Files.createDirectories(folder);
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new LocalMailbox(server, folder, out);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    Path folder() {
        return folder;
    }

    /** Every mail received so far, as sent. */
    List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    private synchronized void saveNew() {
        for (MimeMessage mail : server.getReceivedMessages()) {
            try {
                String to = Arrays.stream(mail.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress())
                        .collect(Collectors.joining(","));
                if (!saved.add(mail.getMessageID() + " " + to)) {
                    continue;
                }
                Path file = folder.resolve(STAMP.format(LocalDateTime.now()) + "-" + saved.size() + ".eml");
                try (OutputStream stream = Files.newOutputStream(file)) {
                    mail.writeTo(stream);
                }
                out.println("herald: mail to " + to + ": " + mail.getSubject() + " (" + file + ")");
            } catch (MessagingException | IOException | RuntimeException e) {
                out.println("herald: could not save a received mail: " + e);
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        server.stop();
    }
}
