package dev.herald.auth.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts file as the launcher and the authorization server share it. */
class AccountsTest {

    @Test
    void accountsAddedAtOnceFromManyClientsAreAllKeptEachUnderAClientIdOfItsOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts.json");
        new Accounts(file).createIfMissing(List.of("某医院党委"), List.of("reader-1"));
        Map<String, Account> handedOut = new ConcurrentHashMap<>();

        // as the benchmark's clients do: each asks through an instance of its own, as a separate process would
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<Future<?>> asked = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String subscriber = "fanout-" + i;
                asked.add(clients.submit(() -> handedOut.put(subscriber, new Accounts(file).forRole(Role.SUBSCRIBER, subscriber))));
            }
            for (Future<?> f : asked) {
                f.get();
            }
        }

        Accounts server = new Accounts(file);
        for (Map.Entry<String, Account> given : handedOut.entrySet()) {
            assertThat(server.byClientId(given.getValue().clientId())).as("the account handed to %s", given.getKey())
                    .contains(given.getValue());
        }
        assertThat(server.all()).hasSize(2 + 2 + 200);
        assertThat(server.all().stream().map(Account::clientId).distinct()).hasSize(204);
    }

    @Test
    void anAccountAskedForAgainIsTheSameOne(@TempDir Path dir) {
        Path file = dir.resolve("accounts.json");
        Account first = new Accounts(file).forRole(Role.UNIT, "某社区卫生服务中心");

        assertThat(new Accounts(file).forRole(Role.UNIT, "某社区卫生服务中心")).isEqualTo(first);
        assertThat(new Accounts(file).forRole(Role.UNIT, "另一单位")).isNotEqualTo(first);
    }
}
