package io.github.camelsmarthome.homeconnect.api;

/**
 * {@code startProgram} was not sent because the appliance's state says it would fail (developer
 * brief, section 9): checking locally avoids a 409 that counts toward the "10 successive errors"
 * lock. {@link #reason()} says which rule; the message says what the user can do. Switch the
 * check off with {@link HomeConnectClientOptions#checkPreconditions()}.
 */
public final class ProgramStartRefusedException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    /** Why a start was refused. */
    public enum Reason {
        /** The appliance is not connected to the cloud. */
        APPLIANCE_OFFLINE("the appliance is offline", "switch it on and wait until it reconnects"),
        /** {@code BSH.Common.Status.RemoteControlActive} is false. */
        REMOTE_CONTROL_NOT_ACTIVE("remote control is not active (BSH.Common.Status.RemoteControlActive is false)",
                "enable remote control on the appliance"),
        /** {@code BSH.Common.Status.RemoteControlStartAllowed} is false; it lapses, typically after 24 h. */
        REMOTE_START_NOT_ALLOWED("remote start is not allowed (BSH.Common.Status.RemoteControlStartAllowed is false)",
                "enable remote start on the appliance; it lapses, typically after 24 h"),
        /** {@code BSH.Common.Status.LocalControlActive} is true: someone is operating the appliance. */
        LOCAL_CONTROL_ACTIVE("someone is operating the appliance (BSH.Common.Status.LocalControlActive is true)",
                "wait until nobody operates it"),
        /** A program is active: OperationState is DelayedStart, Run, Pause or ActionRequired. */
        PROGRAM_ACTIVE("a program is already active", "stop it first, or wait until it ends");

        private final String explanation;
        private final String advice;

        Reason(String explanation, String advice) {
            this.explanation = explanation;
            this.advice = advice;
        }

        /** What the state says, in words. */
        public String explanation() {
            return explanation;
        }

        /** What the user can do about it. */
        public String advice() {
            return advice;
        }
    }

    private final Reason reason;
    private final String haId;

    ProgramStartRefusedException(String request, String haId, Reason reason, String detail, String source) {
        super(request, "starting a program on " + haId + " would fail: " + reason.explanation()
                + (detail == null ? "" : ", " + detail) + " (state " + source + ")",
                "To start it, " + reason.advice() + ".");
        this.reason = reason;
        this.haId = haId;
    }

    /** Which rule refused the start. */
    public Reason reason() {
        return reason;
    }

    /** The appliance concerned. */
    public String haId() {
        return haId;
    }
}
