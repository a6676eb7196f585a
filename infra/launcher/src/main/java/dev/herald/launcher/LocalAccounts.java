package dev.herald.launcher;

import dev.herald.auth.account.Account;
import dev.herald.auth.account.Accounts;
import dev.herald.auth.account.Role;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The accounts of the local authorization server: made on first start, extended by `./herald token`. */
public final class LocalAccounts {

    private LocalAccounts() {
    }

    /** One account per role, a unit account for each corpus unit and one subscriber; none if the file exists. */
    public static List<Account> createIfMissing(PlatformSettings settings) {
        List<String> units = CorpusReports.submissions().stream().map(s -> (String) s.get("unit")).toList();
        return new Accounts(settings.accountsFile()).createIfMissing(units, List.of("reader-1"));
    }

    static void print(List<Account> created, PlatformSettings settings, PrintStream out) {
        if (created.isEmpty()) {
            return;
        }
        out.println();
        out.println("herald: created local accounts in " + settings.accountsFile() + " (keep it private):");
        for (Account account : created) {
            out.printf("  %-14s %-10s %-22s secret %s%n", account.clientId(), account.role(),
                    account.actsFor() == null ? "" : account.actsFor(), account.secret());
        }
        out.println("  ./herald token ROLE [ID] prints a token for curl, e.g. ./herald token MODERATOR");
    }

    /** Gets an access token for a role (and the unit or subscriber it acts for) from the running issuer. */
    public static String token(PlatformSettings settings, Role role, String actsFor) {
        Account account = new Accounts(settings.accountsFile()).forRole(role, actsFor);
        HttpJson.Response response = new HttpJson().postForm(settings.baseUrl(HeraldService.AUTH) + "/oauth2/token",
                Map.of("grant_type", "client_credentials"), account.clientId(), account.secret());
        if (response.status() != 200) {
            throw new IllegalStateException("the authorization server answered " + response.status() + ": " + response.body());
        }
        return response.body().path("access_token").asString();
    }
}
