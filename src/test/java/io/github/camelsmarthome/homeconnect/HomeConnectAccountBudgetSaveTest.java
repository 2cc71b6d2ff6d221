package io.github.camelsmarthome.homeconnect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.github.camelsmarthome.homeconnect.api.RequestKind;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic budget save writes an account's file only when its counts changed: with an accounts
 * folder of thousands, rewriting every unchanged file every 30 s kept the housekeeping thread (and
 * with it the look for new accounts) busy.
 */
class HomeConnectAccountBudgetSaveTest {

    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path stateDir;

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    private HomeConnectAccount account() throws Exception {
        HomeConnectConfiguration configuration = new HomeConnectConfiguration();
        configuration.setClientId("scale-test-client");
        configuration.setApiUrl("http://127.0.0.1:9");
        return new HomeConnectAccount(vertx, "home-1", configuration, stateDir, Clock.systemUTC());
    }

    private Path budgetFile() {
        return stateDir.resolve("home-1.budget.json");
    }

    @Test
    void aBudgetWithNoNewRequestIsNotWrittenAgainButOneWithANewRequestIs() throws Exception {
        HomeConnectAccount account = account();
        account.saveBudget();
        assertThat(budgetFile()).as("the first save").exists();

        Files.delete(budgetFile());
        account.saveBudget();
        assertThat(budgetFile()).as("nothing changed since the last save").doesNotExist();

        assertThat(account.budget().tryAcquire(RequestKind.READ, RequestPriority.NORMAL).isGranted()).isTrue();
        account.saveBudget();
        assertThat(budgetFile()).as("a request was counted since").exists();
    }

    @Test
    void anAccountStartedFromASavedBudgetDoesNotWriteItBackUnchanged() throws Exception {
        account().saveBudget();
        HomeConnectAccount restarted = account();

        Files.delete(budgetFile());
        restarted.saveBudget();

        assertThat(budgetFile()).doesNotExist();
    }

    @Test
    void closingSavesTheBudgetEvenWhenThePeriodicSaveFoundNothingNew() throws Exception {
        HomeConnectAccount account = account();
        account.saveBudget();
        Files.delete(budgetFile());

        account.close();

        assertThat(budgetFile()).exists();
    }
}
