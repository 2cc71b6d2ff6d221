package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.GATEWAY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.MiioDeviceException.Kind;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.testing.MutableClock;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MiioDeviceClientTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private final MutableClock clock = new MutableClock();
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private ScriptedMiioDevice device;
    private MiioDeviceClient client;

    @BeforeEach
    void startDevice() throws Exception {
        device = new ScriptedMiioDevice(GATEWAY_TOKEN);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        device.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private MiioDeviceClient client(int retries) throws Exception {
        MiioClientOptions options = MiioClientOptions.defaults().withPort(device.port()).withTimeout(SHORT_TIMEOUT)
                .withRetries(retries);
        client = new MiioDeviceClient(InetAddress.getByName("127.0.0.1"), GATEWAY_TOKEN, options, group, clock);
        return client;
    }

    private static JsonNode await(CompletableFuture<JsonNode> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static MiioDeviceException failure(CompletableFuture<JsonNode> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MiioDeviceException.class);
            return (MiioDeviceException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the request neither completed nor failed", e);
        }
        throw new AssertionError("the request succeeded but was expected to fail");
    }

    @Test
    void firstRequestHandshakesThenSendsIdOneWithTheDevicesDidAndStampPlusOne() throws Exception {
        JsonNode result = await(client(0).send("miIO.info", null));

        assertThat(result.toString()).isEqualTo("[\"ok\"]");
        assertThat(device.hellos()).isEqualTo(3);
        ScriptedMiioDevice.Received request = device.requests().get(0);
        assertThat(request.header().deviceId()).isEqualTo(ScriptedMiioDevice.DID);
        assertThat(request.header().stamp()).isEqualTo(ScriptedMiioDevice.HELLO_STAMP + 1);
        assertThat(request.plaintext()).isEqualTo(MiioVectors.utf8WithNul(MiioVectors.V06_JSON));
        assertThat(client.deviceId()).isEqualTo(ScriptedMiioDevice.DID);
    }

    @Test
    void laterRequestsReuseTheHandshakeAndCountIdsUp() throws Exception {
        client(0);

        await(client.send("a", null));
        await(client.send("b", null));

        assertThat(device.hellos()).isEqualTo(3);
        assertThat(device.requests()).extracting(ScriptedMiioDevice.Received::id).containsExactly(1L, 2L);
    }

    @Test
    void requestsSentTogetherGoOutOneAfterAnotherInCallOrder() throws Exception {
        client(0);

        List<CompletableFuture<JsonNode>> futures = List.of(client.send("a", null), client.send("b", null),
                client.send("c", null));
        for (CompletableFuture<JsonNode> future : futures) {
            await(future);
        }

        assertThat(device.requests()).extracting(r -> r.message().get("method").textValue())
                .containsExactly("a", "b", "c");
        assertThat(device.requests()).extracting(ScriptedMiioDevice.Received::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void stampFollowsTheDeviceCounterPlusTheSecondsSinceItWasReceived() throws Exception {
        client(0);
        await(client.send("a", null));
        clock.advance(Duration.ofSeconds(30));

        await(client.send("b", null));

        assertThat(device.requests().get(1).header().stamp()).isEqualTo(ScriptedMiioDevice.RESPONSE_STAMP + 30);
    }

    @Test
    void aDeviceSilentForLongerThanTheHandshakeIntervalIsGreetedAgain() throws Exception {
        client(0);
        await(client.send("a", null));
        clock.advance(MiioClientOptions.DEFAULT_HANDSHAKE_INTERVAL);

        await(client.send("b", null));

        assertThat(device.hellos()).isEqualTo(6);
    }

    @Test
    void paramsAreSentAsGiven() throws Exception {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("cur", 0);

        await(client(0).send("send_data_frame", params));

        assertThat(device.requests().get(0).message().get("params")).isEqualTo(params);
    }

    @Test
    void aDroppedRequestIsRetriedWithIdPlusOneHundredAfterANewHandshake() throws Exception {
        device.respond((n, request) -> n == 0 ? Optional.empty()
                : Optional.of(MiioMessages.result(request.get("id").longValue(), JsonNodeFactory.instance.numberNode(7))));

        JsonNode result = await(client(3).send("get_prop", null));

        assertThat(result.intValue()).isEqualTo(7);
        assertThat(device.requests()).extracting(ScriptedMiioDevice.Received::id).containsExactly(1L, 102L);
        assertThat(device.hellos()).isEqualTo(6);
        assertThat(client.retries()).isEqualTo(1);
    }

    @Test
    void aTransientDeviceErrorIsRetried() throws Exception {
        device.respond((n, request) -> Optional.of(n == 0
                ? MiioMessages.error(request.get("id").longValue(), -30001, "busy")
                : MiioMessages.result(request.get("id").longValue(), JsonNodeFactory.instance.textNode("done"))));

        JsonNode result = await(client(3).send("toggle", null));

        assertThat(result.textValue()).isEqualTo("done");
        assertThat(device.requests()).hasSize(2);
    }

    @Test
    void aDeviceErrorFailsWithItsCodeAndMessage() throws Exception {
        device.respond((n, request) -> Optional.of(MiioMessages.error(request.get("id").longValue(), -5001,
                "invalid arg")));

        MiioDeviceException error = failure(client(3).send("set_power", null));

        assertThat(error.kind()).isEqualTo(Kind.DEVICE_ERROR);
        assertThat(error.code()).hasValue(-5001);
        assertThat(error.deviceMessage()).isEqualTo("invalid arg");
        assertThat(error.getMessage()).contains("set_power", "-5001", "invalid arg");
        assertThat(device.requests()).hasSize(1);
    }

    @Test
    void anErrorObjectWithAnErrorKeyInsteadOfMessageIsUnderstood() throws Exception {
        device.respond((n, request) -> {
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.putObject("error").put("code", -2).put("error", "unsupported method");
            reply.put("id", request.get("id").longValue());
            return Optional.of(reply);
        });

        MiioDeviceException error = failure(client(0).send("nope", null));

        assertThat(error.code()).hasValue(-2);
        assertThat(error.deviceMessage()).isEqualTo("unsupported method");
    }

    @Test
    void aResponseSealedWithAnotherTokenFailsAsInvalidTokenWithoutRetry() throws Exception {
        device.replyWithToken(MiioVectors.COUNTING_TOKEN);

        MiioDeviceException error = failure(client(3).send("miIO.info", null));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_TOKEN);
        assertThat(device.requests()).hasSize(1);
    }

    @Test
    void aResponseWithAnotherIdIsIgnoredAndTheMatchingOneTaken() throws Exception {
        device.respondWithAll((n, request) -> {
            long id = request.get("id").longValue();
            return List.of(MiioMessages.result(id + 1, JsonNodeFactory.instance.textNode("stale")),
                    MiioMessages.result(id, JsonNodeFactory.instance.textNode("matching")));
        });

        JsonNode result = await(client(0).send("get_prop", null));

        assertThat(result.textValue()).isEqualTo("matching");
        assertThat(client.ignoredDatagrams()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDeviceThatNeverAnswersRequestsFailsWithTimeoutAfterEveryAttempt() throws Exception {
        device.respond((n, request) -> Optional.empty());

        MiioDeviceException error = failure(client(2).send("miIO.info", null));

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error.getMessage()).contains("3 attempts");
        assertThat(device.requests()).hasSize(3);
    }

    @Test
    void aDeviceThatDoesNotAnswerTheHelloIsUnreachable() throws Exception {
        device.stopAnsweringHello();

        MiioDeviceException error = failure(client(3).send("miIO.info", null));

        assertThat(error.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(device.requests()).isEmpty();
        assertThat(device.hellos()).isEqualTo(3);
    }

    @Test
    void aRequestTooLargeForOnePacketFailsAndTheNextOneStillGoesOut() throws Exception {
        client(0);
        ObjectNode huge = JsonNodeFactory.instance.objectNode().put("data", "x".repeat(70_000));

        MiioDeviceException error = failure(client.send("send_data_frame", huge));
        JsonNode next = await(client.send("miIO.info", null));

        assertThat(error.kind()).isEqualTo(Kind.REQUEST_TOO_LARGE);
        assertThat(next.toString()).isEqualTo("[\"ok\"]");
        assertThat(device.requests()).extracting(r -> r.message().get("method").textValue()).containsExactly("miIO.info");
    }

    @Test
    void closingFailsTheRequestInFlight() throws Exception {
        device.respond((n, request) -> Optional.empty());
        CompletableFuture<JsonNode> pending = client(3).send("miIO.info", null);

        client.close();

        assertThat(failure(pending).kind()).isEqualTo(Kind.CLOSED);
    }

    @Test
    void neitherTheTokenNorTheParamsAppearInAnyLogLineOrError() throws Exception {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("trigger_token", GATEWAY_TOKEN.hex());
        device.respond((n, request) -> n == 0 ? Optional.empty()
                : Optional.of(MiioMessages.error(request.get("id").longValue(), -5001, "bad")));

        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome.miio")) {
            MiioDeviceException error = failure(client(1).send("send_data_frame", params));

            String everything = logs.allText() + "\n" + error.getMessage() + "\n" + error;
            assertThat(logs.allText()).contains("send_data_frame");
            assertThat(everything).doesNotContain(GATEWAY_TOKEN.hex()).doesNotContain("trigger_token");
        }
    }

    @Test
    void requestsToAClientWithItsOwnEventLoopFailAsClosedAfterClose() throws Exception {
        MiioDeviceClient own = new MiioDeviceClient(InetAddress.getByName("127.0.0.1"), GATEWAY_TOKEN,
                MiioClientOptions.defaults().withPort(device.port()).withTimeout(SHORT_TIMEOUT));
        await(own.send("a", null));

        own.close();
        own.close();

        assertThat(failure(own.send("b", null)).kind()).isEqualTo(Kind.CLOSED);
    }

    @Test
    void requestsAfterCloseFailAsClosed() throws Exception {
        client(0).close();

        assertThat(failure(client.send("miIO.info", null)).kind()).isEqualTo(Kind.CLOSED);
    }
}
