package io.github.camelsmarthome.homeconnect.api;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Home Connect request that failed: an HTTP error answer, no answer in time, or a call the
 * client refused to send because it would break a rate limit or a safety rule.
 *
 * <p>Unchecked on purpose. The client is asynchronous (its results travel in
 * {@code CompletableFuture}s and Camel exchanges), where checked exceptions cannot be declared
 * and would only be wrapped; and most callers handle a few specific cases
 * ({@link ApplianceOfflineException}, {@link NoProgramActiveException},
 * {@link RateLimitedException}, ...) and let the rest propagate. Each subclass stands for one thing
 * a caller handles differently; the error key is kept for finer decisions.
 *
 * <p>Instances are built only by {@link HomeConnectErrors}. Every text they carry was sanitised:
 * no bearer token, JWT or token parameter can appear in the message, and the description from the
 * server is truncated and stripped of control characters.
 */
public abstract class HomeConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorKey;
    private final String description;
    private final Integer applianceErrorCode;
    private final String request;

    HomeConnectException(ErrorDetails details, String advice) {
        super(composeMessage(details, advice));
        this.httpStatus = details.httpStatus();
        this.errorKey = details.errorKey();
        this.description = details.description();
        this.applianceErrorCode = details.applianceErrorCode();
        this.request = details.request();
    }

    /**
     * For a call the client refused to send ({@link #httpStatus()} 0, no key): the budget said no,
     * or a program start was unsafe. {@code reason} and {@code advice} must carry no secret.
     */
    HomeConnectException(String request, String reason, String advice) {
        super(ErrorTextSanitizer.clean(request, HomeConnectErrors.MAX_DESCRIPTION_CHARS) + " was not sent: "
                + ErrorTextSanitizer.clean(reason, 2 * HomeConnectErrors.MAX_DESCRIPTION_CHARS) + ". " + advice);
        this.httpStatus = 0;
        this.errorKey = null;
        this.description = null;
        this.applianceErrorCode = null;
        this.request = ErrorTextSanitizer.clean(request, HomeConnectErrors.MAX_DESCRIPTION_CHARS);
    }

    /**
     * The HTTP status of the answer, or 0 when there was none: a client-side timeout, a broken
     * connection, or a call the client refused to send.
     */
    public int httpStatus() {
        return httpStatus;
    }

    /** The error key of the envelope ({@code SDK.Error.NoProgramActive}, {@code 429}, ...), if the body had one. */
    public Optional<String> errorKey() {
        return Optional.ofNullable(errorKey);
    }

    /** The server's human-readable description, sanitised and truncated, if the body had one. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The appliance-side error code some errors carry ({@code 528} for {@code NotAvailableByList}). */
    public OptionalInt applianceErrorCode() {
        return applianceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(applianceErrorCode);
    }

    /** What was asked, as the caller described it (method and path), sanitised. */
    public String request() {
        return request;
    }

    /**
     * Whether the same request may succeed later without anyone changing anything, after the
     * wait the exception implies (backoff, or {@link RateLimitedException#retryAfter()}). A 401
     * is not transient in this sense: it needs a token refresh first.
     */
    public boolean isTransient() {
        return false;
    }

    private static String composeMessage(ErrorDetails details, String advice) {
        StringBuilder message = new StringBuilder(160).append(details.request()).append(" failed: ");
        if (details.httpStatus() == 0) {
            message.append("no response");
        } else {
            message.append("HTTP ").append(details.httpStatus());
        }
        if (details.errorKey() != null) {
            message.append(' ').append(details.errorKey());
        }
        if (details.description() != null) {
            message.append(" (").append(details.description()).append(')');
        }
        if (details.applianceErrorCode() != null) {
            message.append(" [appliance code ").append(details.applianceErrorCode()).append(']');
        }
        if (details.bodyNote() != null) {
            message.append(" [").append(details.bodyNote()).append(']');
        }
        return message.append(". ").append(advice).toString();
    }
}
