package dev.herald.auth.account;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The accounts file of the local platform (JSON, git-ignored under ./data). The launcher creates it on
 * first start and adds accounts on request; the authorization server re-reads it when it changes.
 */
public final class Accounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    // one writer at a time in this process; the file lock below keeps out those of other processes (./herald token)
    private static final Object WRITERS = new Object();

    private final Path file;
    private List<Account> cached = List.of();
    private FileTime cachedAt;
    private Object cachedFile;

    public Accounts(Path file) {
        this.file = file;
    }

    /** Creates the file with one account per role when it does not exist; returns the accounts created. */
    public synchronized List<Account> createIfMissing(List<String> units, List<String> subscribers) {
        if (Files.exists(file)) {
            return List.of();
        }
        List<Account> initial = new ArrayList<>();
        initial.add(newAccount("moderator", Role.MODERATOR, null));
        initial.add(newAccount("admin", Role.ADMIN, null));
        for (int i = 0; i < units.size(); i++) initial.add(newAccount("unit-" + (i + 1), Role.UNIT, units.get(i)));
        for (int i = 0; i < subscribers.size(); i++) initial.add(newAccount("subscriber-" + (i + 1), Role.SUBSCRIBER, subscribers.get(i)));
        write(initial);
        return initial;
    }

    /** The account for a role (and, for UNIT and SUBSCRIBER, the id it acts for), added when there is none. */
    public synchronized Account forRole(Role role, String actsFor) {
        if (role.boundToId() && (actsFor == null || actsFor.isBlank())) {
            throw new IllegalArgumentException(role + " tokens act for one " + role.name().toLowerCase() + ": give its id");
        }
        return find(role, actsFor).orElseGet(() -> add(role, actsFor));
    }

    private Optional<Account> find(Role role, String actsFor) {
        return all().stream().filter(a -> a.role() == role && (!role.boundToId() || actsFor.equals(a.actsFor()))).findFirst();
    }

    /**
     * Reads the file again and adds the account under a lock: sixteen benchmark clients adding subscribers at
     * once each wrote the list it had read, so accounts were lost or two got one client id (invalid_client).
     */
    private Account add(Role role, String actsFor) {
        synchronized (WRITERS) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    cachedAt = null;
                    Optional<Account> meanwhile = find(role, actsFor);
                    if (meanwhile.isPresent()) {
                        return meanwhile.get();
                    }
                    List<Account> accounts = new ArrayList<>(all());
                    Account added = newAccount(role.name().toLowerCase() + "-" + (accounts.size() + 1), role,
                            role.boundToId() ? actsFor : null);
                    accounts.add(added);
                    write(accounts);
                    return added;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized Optional<Account> byClientId(String clientId) {
        return all().stream().filter(a -> a.clientId().equals(clientId)).findFirst();
    }

    public synchronized List<Account> all() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            // each write replaces the file, so a new file key tells a change the clock's resolution may not
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.lastModifiedTime().equals(cachedAt) || !java.util.Objects.equals(attributes.fileKey(), cachedFile)) {
                cached = List.of(JSON.readValue(Files.readString(file), Account[].class));
                cachedAt = attributes.lastModifiedTime();
                cachedFile = attributes.fileKey();
            }
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<Account> accounts) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "accounts", ".tmp");
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(accounts));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cachedAt = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Account newAccount(String clientId, Role role, String actsFor) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return new Account(clientId, HexFormat.of().formatHex(secret), role, actsFor);
    }
}
