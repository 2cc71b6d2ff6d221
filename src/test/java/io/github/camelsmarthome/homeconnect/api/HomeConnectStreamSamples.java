package io.github.camelsmarthome.homeconnect.api;

import java.nio.charset.StandardCharsets;

/**
 * Event-stream samples copied verbatim from the protocol brief
 * ({@code /work/shared/protocols/homeconnect.md}, section 8.3). The brief takes them from captured
 * production data (homeconnect-watcher {@code tests/conftest.py}), except PAIRED, which it builds
 * by analogy with the connection events. Each constant is one complete event including the blank
 * line that dispatches it, in production spacing (no space after the colon).
 */
public final class HomeConnectStreamSamples {

    /** Appliance of the STATUS, EVENT and DISCONNECTED samples. */
    public static final String WASHER = "SIEMENS-WM14T6H9NL-AB1234567890";
    /** Appliance of the NOTIFY and CONNECTED samples. */
    public static final String DRYER = "SIEMENS-WT8HXM90NL-AB1234567890";
    /** Appliance of the PAIRED sample. */
    public static final String PAIRED_APPLIANCE = "BOSCH-HCS000000-D00000000007";

    public static final String KEEP_ALIVE = """
            event:KEEP-ALIVE
            data:

            """;

    public static final String STATUS = """
            event:STATUS
            data:{"haId":"SIEMENS-WM14T6H9NL-AB1234567890","items":[{"handling":"none","key":"BSH.Common.Status.DoorState","level":"hint","timestamp":1676897845,"uri":"/api/homeappliances/SIEMENS-WM14T6H9NL-AB1234567890/status/BSH.Common.Status.DoorState","value":"BSH.Common.EnumType.DoorState.Open"}]}
            id:SIEMENS-WM14T6H9NL-AB1234567890

            """;

    public static final String NOTIFY_DATA = """
            {"haId":"SIEMENS-WT8HXM90NL-AB1234567890","items":[{"handling":"none","key":"BSH.Common.Root.ActiveProgram","level":"hint","timestamp":1676897868,"uri":"/api/homeappliances/SIEMENS-WT8HXM90NL-AB1234567890/programs/active","value":null},{"handling":"none","key":"BSH.Common.Root.SelectedProgram","level":"hint","timestamp":1676897868,"uri":"/api/homeappliances/SIEMENS-WT8HXM90NL-AB1234567890/programs/selected","value":"LaundryCare.Dryer.Program.Cotton"}]}""";

    public static final String NOTIFY = "event:NOTIFY\ndata:" + NOTIFY_DATA + "\nid:" + DRYER + "\n\n";

    public static final String EVENT = """
            event:EVENT
            data:{"items":[{"timestamp":1642001123,"handling":"none","key":"BSH.Common.Event.ProgramFinished","value":"BSH.Common.EnumType.EventPresentState.Present","level":"hint"}],"haId":"SIEMENS-WM14T6H9NL-AB1234567890"}
            id:SIEMENS-WM14T6H9NL-AB1234567890

            """;

    public static final String CONNECTED_DATA = """
            {"haId":"SIEMENS-WT8HXM90NL-AB1234567890","handling":"none","key":"BSH.Common.Appliance.Connected","level":"hint","timestamp":1676897865,"value":true}""";

    public static final String CONNECTED = "event:CONNECTED\ndata:" + CONNECTED_DATA + "\nid:" + DRYER + "\n\n";

    public static final String DISCONNECTED = """
            event:DISCONNECTED
            data:{"haId":"SIEMENS-WM14T6H9NL-AB1234567890","handling":"none","key":"BSH.Common.Appliance.Disconnected","level":"hint","timestamp":1676897981,"value":true}
            id:SIEMENS-WM14T6H9NL-AB1234567890

            """;

    public static final String PAIRED = """
            event:PAIRED
            data:{"haId":"BOSCH-HCS000000-D00000000007","handling":"none","key":"BSH.Common.Appliance.Paired","level":"hint","timestamp":1700000000,"value":true}
            id:BOSCH-HCS000000-D00000000007

            """;

    private HomeConnectStreamSamples() {
    }

    /** The UTF-8 bytes of a stream text, as the network delivers them. */
    public static byte[] bytes(String stream) {
        return stream.getBytes(StandardCharsets.UTF_8);
    }

    /** The same stream with CRLF line endings. */
    public static String withCrlf(String stream) {
        return stream.replace("\n", "\r\n");
    }

    /** The same stream with bare CR line endings. */
    public static String withCr(String stream) {
        return stream.replace("\n", "\r");
    }
}
