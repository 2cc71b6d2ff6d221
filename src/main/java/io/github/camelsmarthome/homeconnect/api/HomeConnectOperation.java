package io.github.camelsmarthome.homeconnect.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One REST endpoint of the Home Connect API (developer brief, section 4), named as the Camel URI
 * names it ({@code homeconnect:getStatus}). The event streams are not here: they are not
 * request/response calls.
 *
 * <p>Each constant knows its HTTP method, its path template relative to {@code {base}/api}, how
 * the rate limits count it, and which path parameters it needs: the appliance id and, for the
 * single-item endpoints, one key (a status, setting, program, option, command or image key).
 */
public enum HomeConnectOperation {

    /** {@code GET /homeappliances}: {@code {"homeappliances":[...]}}. */
    listAppliances("GET", "/homeappliances"),
    /** {@code GET /homeappliances/{haId}}: one appliance. */
    getAppliance("GET", "/homeappliances/{haId}"),
    /** {@code GET .../status}: {@code {"status":[...]}}. */
    getStatus("GET", "/homeappliances/{haId}/status"),
    /** {@code GET .../status/{statusKey}}: one status with constraints. */
    getStatusValue("GET", "/homeappliances/{haId}/status/{statusKey}"),
    /** {@code GET .../settings}: {@code {"settings":[...]}}. */
    getSettings("GET", "/homeappliances/{haId}/settings"),
    /** {@code GET .../settings/{settingKey}}: one setting with constraints. */
    getSetting("GET", "/homeappliances/{haId}/settings/{settingKey}"),
    /** {@code PUT .../settings/{settingKey}} with {@code {"key","value"}}. */
    setSetting("PUT", "/homeappliances/{haId}/settings/{settingKey}"),
    /** {@code PUT .../settings} with a list of {@code {"key","value"}} (bulk, brief section 4.6). */
    setSettings("PUT", "/homeappliances/{haId}/settings"),
    /** {@code GET .../programs}: {@code {"programs":[...], "active"?, "selected"?}}. */
    getPrograms("GET", "/homeappliances/{haId}/programs"),
    /** {@code GET .../programs/available}: the programs the appliance offers now. */
    getAvailablePrograms("GET", "/homeappliances/{haId}/programs/available"),
    /** {@code GET .../programs/available/{programKey}}: a program definition with option constraints. */
    getAvailableProgram("GET", "/homeappliances/{haId}/programs/available/{programKey}"),
    /** {@code GET .../programs/active}: the running program; 404 {@code NoProgramActive} when none. */
    getActiveProgram("GET", "/homeappliances/{haId}/programs/active"),
    /** {@code PUT .../programs/active} with {@code {"key","options"?}}: starts a program. */
    startProgram("PUT", "/homeappliances/{haId}/programs/active"),
    /** {@code DELETE .../programs/active}: stops the running program. */
    stopProgram("DELETE", "/homeappliances/{haId}/programs/active"),
    /** {@code GET .../programs/selected}: the selected program; 404 {@code NoProgramSelected} when none. */
    getSelectedProgram("GET", "/homeappliances/{haId}/programs/selected"),
    /** {@code PUT .../programs/selected} with {@code {"key","options"?}}: selects a program. */
    selectProgram("PUT", "/homeappliances/{haId}/programs/selected"),
    /** {@code GET .../programs/active/options}: {@code {"options":[...]}}. */
    getActiveProgramOptions("GET", "/homeappliances/{haId}/programs/active/options"),
    /** {@code PUT .../programs/active/options} with {@code {"options":[...]}}. */
    setActiveProgramOptions("PUT", "/homeappliances/{haId}/programs/active/options"),
    /** {@code GET .../programs/active/options/{optionKey}}: one option. */
    getActiveProgramOption("GET", "/homeappliances/{haId}/programs/active/options/{optionKey}"),
    /** {@code PUT .../programs/active/options/{optionKey}} with {@code {"key","value","unit"?}}. */
    setActiveProgramOption("PUT", "/homeappliances/{haId}/programs/active/options/{optionKey}"),
    /** {@code GET .../programs/selected/options}: {@code {"options":[...]}}. */
    getSelectedProgramOptions("GET", "/homeappliances/{haId}/programs/selected/options"),
    /** {@code PUT .../programs/selected/options} with {@code {"options":[...]}}. */
    setSelectedProgramOptions("PUT", "/homeappliances/{haId}/programs/selected/options"),
    /** {@code GET .../programs/selected/options/{optionKey}}: one option. */
    getSelectedProgramOption("GET", "/homeappliances/{haId}/programs/selected/options/{optionKey}"),
    /** {@code PUT .../programs/selected/options/{optionKey}} with {@code {"key","value"}}. */
    setSelectedProgramOption("PUT", "/homeappliances/{haId}/programs/selected/options/{optionKey}"),
    /** {@code GET .../commands}: {@code {"commands":[...]}}. */
    getCommands("GET", "/homeappliances/{haId}/commands"),
    /** {@code PUT .../commands/{commandKey}} with {@code {"key","value":true}}. */
    executeCommand("PUT", "/homeappliances/{haId}/commands/{commandKey}"),
    /** {@code PUT .../commands} with a list of {@code {"key","value"}} (bulk, brief section 4.6). */
    executeCommands("PUT", "/homeappliances/{haId}/commands"),
    /** {@code GET .../images}: {@code {"images":[...]}}. */
    getImages("GET", "/homeappliances/{haId}/images"),
    /** {@code GET .../images/{imageKey}}: the image bytes, not JSON. */
    getImage("GET", "/homeappliances/{haId}/images/{imageKey}");

    private static final String HA_ID = "{haId}";

    private final String method;
    private final String pathTemplate;
    private final RequestKind kind;
    private final boolean needsKey;

    HomeConnectOperation(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.needsKey = pathTemplate.lastIndexOf('{') > pathTemplate.indexOf(HA_ID);
        this.kind = kindOf(method, pathTemplate);
    }

    /**
     * The operation with this name, as in the Camel URI ({@code getStatus}); the case must match.
     *
     * @throws IllegalArgumentException naming every valid name when there is no such operation
     */
    public static HomeConnectOperation fromName(String name) {
        for (HomeConnectOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        String hint = "";
        if (name != null) {
            for (HomeConnectOperation operation : values()) {
                if (operation.name().equalsIgnoreCase(name.strip())) {
                    hint = " (did you mean " + operation.name() + "?)";
                }
            }
        }
        throw new IllegalArgumentException("Unknown Home Connect operation '" + printable(name) + "'" + hint
                + "; valid operations: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** {@code GET}, {@code PUT} or {@code DELETE}. */
    public String method() {
        return method;
    }

    /** The path relative to {@code {base}/api}, with {@code {haId}} and the key placeholder, e.g. {@code /homeappliances/{haId}/status/{statusKey}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** How the rate limits count this call. */
    public RequestKind kind() {
        return kind;
    }

    /** Whether the path names an appliance: every operation but {@link #listAppliances}. */
    public boolean needsHaId() {
        return pathTemplate.contains(HA_ID);
    }

    /** Whether the path names one status, setting, program, option, command or image key. */
    public boolean needsKey() {
        return needsKey;
    }

    /** Whether repeating the call cannot change anything: only reads, which are the only calls retried. */
    public boolean isIdempotentRead() {
        return "GET".equals(method);
    }

    /** Whether the call sends a body: every {@code PUT}. */
    public boolean sendsBody() {
        return "PUT".equals(method);
    }

    /** Whether the answer is bytes rather than the JSON envelope: only {@link #getImage}. */
    public boolean answersBytes() {
        return this == getImage;
    }

    /** The placeholder of the key in {@link #pathTemplate()}, e.g. {@code settingKey}; empty when there is none. */
    public String keyName() {
        if (!needsKey) {
            return "";
        }
        int open = pathTemplate.lastIndexOf('{');
        return pathTemplate.substring(open + 1, pathTemplate.length() - 1);
    }

    private static RequestKind kindOf(String method, String pathTemplate) {
        boolean activeProgram = pathTemplate.endsWith("/programs/active");
        return switch (method) {
            case "GET" -> RequestKind.READ;
            case "DELETE" -> activeProgram ? RequestKind.PROGRAM_STOP : RequestKind.WRITE;
            default -> activeProgram ? RequestKind.PROGRAM_START : RequestKind.WRITE;
        };
    }

    private static String printable(String name) {
        if (name == null) {
            return "null";
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
