package dev.herald.text;

/**
 * A way to reach someone outside the platform, found in a text: what it is, where it stands ({@code [start, end)}
 * in the text as given) and its canonical form (a link's host and path in plain ASCII, a number's digits).
 */
public record Contact(Kind kind, int start, int end, String value) {

    public enum Kind {
        /** A web address: a URL, a {@code www.} host or a bare domain, however its dots are written. */
        LINK,
        /** A link to a government, education or public-body site ({@code .gov.cn}, {@code .edu.cn}, {@code .org.cn}). */
        OFFICIAL_LINK,
        /** A link through a URL shortener, which hides where it leads. */
        SHORT_LINK,
        IP_ADDRESS,
        EMAIL,
        MOBILE,
        QQ,
        WECHAT,
        /** A Telegram or WhatsApp handle or number. */
        MESSENGER,
        /** An invitation to scan a QR code or join a chat group. */
        QR_PROMPT
    }
}
