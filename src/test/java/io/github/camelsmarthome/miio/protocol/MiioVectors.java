package io.github.camelsmarthome.miio.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** The byte-exact test vectors of the miIO brief, section 10. */
final class MiioVectors {

    static final MiioToken ZERO_TOKEN = MiioToken.fromHex("00000000000000000000000000000000");
    static final MiioToken COUNTING_TOKEN = MiioToken.fromHex("000102030405060708090a0b0c0d0e0f");
    static final MiioToken GATEWAY_TOKEN = MiioToken.fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    static final String HELLO_REQUEST = "21310020ffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    static final String PUSH_SERVER_HELLO_REPLY = "2131002000000000072731416553f10000000000000000000000000000000000";
    static final String PROVISIONED_HELLO_REPLY = "2131002000000000075bcd15000003e9ffffffffffffffffffffffffffffffff";
    static final String UNPROVISIONED_HELLO_REPLY = "2131002000000000075bcd15000003e9000102030405060708090a0b0c0d0e0f";

    static final String V06 = "2131005000000000075bcd15000003ea3cf740f9ae2c5545a35dd19e1a073ba1998856ac518d53ae0b8bf65f9a708cad"
            + "9eb754a66c7c540176f334523026a73f91cc7fd5589eeade0d73f6973f6fb1ec";
    static final String V07 = "2131005000000000075bcd15000003eab3ce36d5b4ef8e3a0025a9da4a7b6f22ba828855df36a66a1bd2a03b910b46fa"
            + "bb0c6ec3c4bb510ae7521cc26df7f0cd275253ee0e9c7ebf60bf07de3926a7ad";
    static final String V11 = "213100800000000007273141000003ea216b6d6aa8c2182720777143be2e1442bc8064e8d7b14969c4d0e24b640175c7"
            + "e0606a708c4f8608c418f0a36e8fe98d593fe01348ba136982426744cf759851b2ddd4ad6af3ac8441184bebfab5111e"
            + "43f643967742b7122b5d5f2f6893f93ee946a937974b30dd2ade971212a447e4";
    static final String V12 = "2131004000000000072731416553f101651e95adda29b9ded72fcb67ec913006a0be96ca73ab54f042ec9a15ed471bbb"
            + "a27beef9075cde352d0fc128a3cd1099";
    static final String V13 = "213100800000000007273141000003eb5369c57f409bccb99cfc1661f41e678b0e75bbe8f5f18d1242bf9dc3ab9964c0"
            + "500bf4b1fa3eaf56e900fa64b9ae8e1056e379d4f1fb28d48ce52d3240ae45b5d956fd0598e1ca9b63071d20afef81a8"
            + "c0ce4bddc7fd08711643e867fb803ae29cdac3cfec9a2b30d3e06c84a9c88c43";
    static final String V09 = "2131004000000000075bcd15000003e974f1435f2752d9e2196adcffacf99fb6ed9d897cd825f79f883423fb30b3d6a1"
            + "45f3604d5280a11fcd5d51cbb3483dd0";
    static final String V17 = "2131004000000000075bcd1500000005b21072add412948b50fd2dd42126af11c784ba8c3f033a09b5cf36f4a3751df9"
            + "f08ff3eb116b4bd18ac1fa13f2acbd37";

    static final String V06_JSON = "{\"id\": 1, \"method\": \"miIO.info\", \"params\": []}";
    static final String V07_JSON = "{\"id\":1,\"method\":\"miIO.info\",\"params\":[]}";
    static final String V11_JSON =
            "{\"id\":619969154,\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[],\"from\":\"nbl.123456789\"}";
    static final String V12_JSON = "{\"result\": 0, \"id\": 619969154}";
    static final String V13_JSON =
            "{\"id\":619969158,\"method\":\"alarm_triggering:123456789\",\"params\":[],\"from\":\"nbl.123456789\"}";
    static final String V09_JSON = "{\"result\":[\"ok\"],\"id\":2}";
    static final String V17_JSON = "{\"id\":12,\"r\":[]}";

    private MiioVectors() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text followed by one NUL byte, python-miio style. */
    static byte[] utf8WithNul(String text) {
        byte[] bytes = utf8(text);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
