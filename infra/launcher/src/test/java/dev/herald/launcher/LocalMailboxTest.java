package dev.herald.launcher;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalMailboxTest {

    @Test
    void everyMailSentToItIsKeptAsAnEmlFileAndAnnouncedOnce(@TempDir Path data) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LocalMailbox mailbox = LocalMailbox.start(data.resolve("mail"), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            send(mailbox.port(), "reader@example.org", "【Herald】请确认您的邮箱地址", "http://localhost:8084/api/email-verification?token=t");
            send(mailbox.port(), "other@example.org", "【Herald】3 篇新报道", "正文");

            await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(mailbox.folder()).size() == 2);
            String all = String.join("\n", emlFiles(mailbox.folder()).stream().map(LocalMailboxTest::read).toList());
            assertThat(all).contains("To: reader@example.org", "To: other@example.org", "api/email-verification?token=t");
            Thread.sleep(1_500); // a further pass of the mailbox
            assertThat(emlFiles(mailbox.folder())).hasSize(2);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .containsOnlyOnce("herald: mail to reader@example.org: 【Herald】请确认您的邮箱地址")
                    .containsOnlyOnce("herald: mail to other@example.org: 【Herald】3 篇新报道");
        }
    }

    private static void send(int port, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom(new InternetAddress("noreply@herald.localhost"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        Transport.send(mail);
    }

    private static List<Path> emlFiles(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
