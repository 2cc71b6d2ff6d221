package io.github.camelsmarthome.simplisafe.api.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names the exception for an answer (brief section 10). The body's {@code type} is looked at before
 * the status (parsing rule 4): {@code NoRemoteManagement} and {@code PinError} mean the same whatever
 * the status, and {@code SettingsInProgress} is the busy base station.
 */
final class SimpliSafeErrors {

    /** Cloud messages are short sentences; anything longer is cut so a log line stays a line. */
    private static final int MAX_MESSAGE_CHARS = 200;

    private SimpliSafeErrors() {
    }

    /** The failure an answer stands for, or {@code null} when it is a success. */
    static SimpliSafeException of(String operation, int status, JsonNode body) {
        String type = ResponseJson.errorType(body);
        if ("NoRemoteManagement".equals(type)) {
            return new NoRemoteManagementException(operation, status, type, describe(status, type, body)
                    + "; the plan does not allow this, disable the feature");
        }
        if ("PinError".equals(type)) {
            return new PinRejectedException(operation, status, type, describe(status, type, body));
        }
        if ("SettingsInProgress".equals(type) || status == 409) {
            return new SettingsInProgressException(operation, status, type, describe(status, type, body)
                    + "; the base station is busy, try again later");
        }
        if (status >= 200 && status < 300) {
            return null;
        }
        String detail = describe(status, type, body);
        if (status == 401) {
            return new UnauthorizedException(operation, status, type, detail
                    + " after a renewed token; log in again if it persists");
        }
        if (status == 403) {
            return new ForbiddenException(operation, status, type, detail
                    + "; an account restriction, IP block or rate limit: back off");
        }
        if (status == 404) {
            return new NotFoundException(operation, status, type, detail + "; check the system id and serial");
        }
        if (status == 406) {
            return new WrongSystemVersionException(operation, status, type, detail
                    + "; this endpoint is for the other system version");
        }
        if (status >= 500) {
            return new ServerErrorException(operation, status, type, detail);
        }
        return new UnexpectedResponseException(operation, status, type, detail);
    }

    /** {@code 409 SettingsInProgress: <message>}: status, type and the cloud's message, never raw body text. */
    private static String describe(int status, String type, JsonNode body) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (type != null && body != ResponseJson.NOT_JSON) {
            text.append(' ').append(cut(type));
        }
        JsonNode message = body.path("message");
        if (message.isTextual() && body != ResponseJson.NOT_JSON) {
            text.append(": ").append(cut(message.asText()));
        } else if (body.path("error").isTextual()) {
            text.append(": ").append(cut(body.path("error").asText()));
        }
        return text.toString();
    }

    private static String cut(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
