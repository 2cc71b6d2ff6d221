package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeException;
import io.github.camelsmarthome.simplisafe.api.client.TargetState;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one SimpliSafe operation per exchange, without blocking; the answer becomes the body
 * (model records: SimplisafeSystem, SystemStatus, ArmResponse, Sensor, Lock, SimplisafeEvent,
 * SystemSettings). Failures are the client's typed exceptions (SettingsInProgressException,
 * PinRejectedException, NoRemoteManagementException, UnauthorizedException ...; the HTTP status is
 * in CamelSimplisafeHttpStatus), or a {@link SimplisafeCommandRefusedException} when the bridge's
 * own safety checks refuse a command before any call.
 *
 * <p>The system is the CamelSimplisafeSystemId header, else the endpoint's systemId, else the
 * account's only usable system (looked up once per account).
 *
 * <p>Which account calls: with {@code accountsDir}, the one the {@code CamelSimplisafeAccount}
 * header names (refused when the folder has no such token store), else the account of the folder
 * whose feed watches the system (or, for a lock without a system, has the lock), else the
 * endpoint's own account. The account used is in the answer's {@code CamelSimplisafeAccount} header.
 */
public class SimplisafeProducer extends DefaultAsyncProducer {

    private final SimplisafeEndpoint endpoint;
    private SimplisafeAccount account;
    /** Each account's only usable system, by account name, once looked up. */
    private final Map<String, Long> onlySystems = new ConcurrentHashMap<>();

    SimplisafeProducer(SimplisafeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = endpoint.account();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Object> result;
        SimplisafeAccount caller;
        try {
            caller = accountFor(exchange.getMessage());
            result = call(exchange.getMessage(), caller);
        } catch (RuntimeException refused) {
            exchange.setException(refused);
            callback.done(true);
            return true;
        }
        result.whenComplete((body, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof SimpliSafeException simplisafe && simplisafe.status() > 0) {
                    exchange.getMessage().setHeader(SimplisafeConstants.HTTP_STATUS, simplisafe.status());
                }
                exchange.setException(cause);
            } else {
                exchange.getMessage().setBody(body);
                exchange.getMessage().setHeader(SimplisafeConstants.ACCOUNT, caller.name());
            }
            callback.done(false);
        });
        return false;
    }

    /** The account that makes the call (see the class comment). */
    SimplisafeAccount accountFor(Message in) {
        if (!endpoint.hasAccountsFolder()) {
            return account;
        }
        String named = in.getHeader(SimplisafeConstants.ACCOUNT, String.class);
        if (named != null && !named.isBlank()) {
            try {
                return endpoint.namedFolderAccount(named.trim());
            } catch (IOException e) {
                throw new UncheckedIOException("simplisafe:" + endpoint.getOperation() + ": the account " + named.trim()
                                               + " of accountsDir could not be opened", e);
            }
        }
        SimplisafeConfiguration configuration = endpoint.getConfiguration();
        Long systemId = in.getHeader(SimplisafeConstants.SYSTEM_ID, configuration.getSystemId(), Long.class);
        String lockSerial = in.getHeader(SimplisafeConstants.LOCK_SERIAL, configuration.getLockSerial(), String.class);
        if (systemId == null && (lockSerial == null || lockSerial.isBlank())) {
            return account;
        }
        return endpoint.folderAccountWith(systemId, lockSerial == null ? null : lockSerial.trim()).orElse(account);
    }

    /** Checks the input and the safety rules (before any call), then calls as {@code account}. */
    CompletableFuture<Object> call(Message in, SimplisafeAccount account) {
        SimplisafeConfiguration configuration = endpoint.getConfiguration();
        SimplisafeOperation operation = SimplisafeOperation.fromName(
                in.getHeader(SimplisafeConstants.OPERATION, endpoint.getOperation(), String.class));
        SimpliSafeClient client = account.client();
        if (operation == SimplisafeOperation.getSystems) {
            return client.getSystems().thenApply(systems -> systems);
        }
        // Refusals come before the system lookup, which may itself be a call.
        TargetState target = null;
        String lockSerial = null;
        switch (operation) {
            case setState -> {
                target = targetState(in);
                checkCode(in, "setState " + target.name().toLowerCase(Locale.ROOT));
            }
            case lock, unlock -> {
                lockSerial = in.getHeader(SimplisafeConstants.LOCK_SERIAL, configuration.getLockSerial(), String.class);
                if (lockSerial == null || lockSerial.isBlank()) {
                    throw new IllegalArgumentException("simplisafe:" + operation + " needs the lock's serial: set lockSerial= on"
                                                       + " the endpoint or the " + SimplisafeConstants.LOCK_SERIAL + " header");
                }
                if (operation == SimplisafeOperation.unlock) {
                    if (!configuration.isAllowUnlock()) {
                        throw new SimplisafeCommandRefusedException("simplisafe:unlock refused: allowUnlock is false on this"
                                                                    + " endpoint, so the bridge never unlocks");
                    }
                    checkCode(in, "unlock");
                }
            }
            default -> {
            }
        }
        TargetState chosenTarget = target;
        String chosenLock = lockSerial == null ? null : lockSerial.trim();
        return systemId(in, account).thenCompose(sid -> switch (operation) {
            case getState -> client.getState(sid).thenApply(state -> (Object) state);
            case setState -> client.setState(sid, chosenTarget).thenApply(answer -> {
                account.noteArmingCommand(sid);
                return (Object) answer;
            });
            case getSensors -> client.getSensors(sid, configuration.isForceUpdate()).thenApply(r -> (Object) r.sensors());
            case getLocks -> client.getSensors(sid, configuration.isForceUpdate()).thenApply(r -> (Object) r.locks());
            case lock -> client.lock(sid, chosenLock).thenApply(done -> (Object) null);
            case unlock -> client.unlock(sid, chosenLock).thenApply(done -> (Object) null);
            case getEvents -> client.getEvents(sid, configuration.getHistoryPageSize(), null).thenApply(page -> (Object) page.events());
            case getSettings -> client.getSettings(sid, configuration.isForceUpdate()).thenApply(s -> (Object) s.orElse(null));
            case getSystems -> throw new IllegalStateException("handled above");
        });
    }

    private void checkCode(Message in, String what) {
        String expected = endpoint.getConfiguration().getArmCode();
        if (expected == null || expected.isEmpty()) {
            return;
        }
        String given = in.getHeader(SimplisafeConstants.CODE, String.class);
        // Constant time, so the answer's timing does not reveal how much of a guess was right.
        boolean match = given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        if (!match) {
            throw new SimplisafeCommandRefusedException("simplisafe:" + what + " refused: "
                                                        + (given == null ? "no code given (set the " + SimplisafeConstants.CODE
                                                                           + " header; armCode is set on this endpoint)"
                                                                : "the code is wrong"));
        }
    }

    static TargetState targetState(Message in) {
        Object value = in.getHeader(SimplisafeConstants.TARGET_STATE);
        if (value == null) {
            value = in.getBody(String.class);
        }
        String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
        return switch (text) {
            case "OFF", "DISARM", "DISARMED" -> TargetState.OFF;
            case "HOME", "ARM_HOME", "ARMED_HOME" -> TargetState.HOME;
            case "AWAY", "ARM_AWAY", "ARMED_AWAY" -> TargetState.AWAY;
            default -> throw new IllegalArgumentException("simplisafe:setState needs the target state off, home or away (or"
                                                          + " DISARM, ARM_HOME, ARM_AWAY) in the " + SimplisafeConstants.TARGET_STATE
                                                          + " header or the body; got '" + abbreviate(text) + "'");
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private CompletableFuture<Long> systemId(Message in, SimplisafeAccount account) {
        Long sid = in.getHeader(SimplisafeConstants.SYSTEM_ID, endpoint.getConfiguration().getSystemId(), Long.class);
        if (sid != null) {
            return CompletableFuture.completedFuture(sid);
        }
        Long known = onlySystems.get(account.name());
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return account.client().getSystems().thenApply(systems -> {
            List<SimplisafeSystem> usable = systems.stream().filter(SimplisafeSystem::isUsable).toList();
            if (usable.size() != 1) {
                throw new IllegalArgumentException("simplisafe:" + endpoint.getOperation() + " needs a system: the account has "
                                                   + usable.size() + " usable systems "
                                                   + usable.stream().map(SimplisafeSystem::sid).toList() + "; set systemId= on the"
                                                   + " endpoint or the " + SimplisafeConstants.SYSTEM_ID + " header");
            }
            long only = usable.get(0).sid();
            onlySystems.put(account.name(), only);
            return only;
        });
    }
}
