package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs subscription scenes on one gateway and removes them again (brief 6.4, 6.8, 6.9), one
 * request at a time and in order: every frame of a scene must be answered {@code ["ok"]} before
 * the scene counts as installed and the next one is sent.
 *
 * <p>Removal deletes <em>every</em> id it is given, one {@code miIO.xdel} each (python-miio's stop
 * deletes only every second one). When the gateway does not answer at all, the remaining ids are
 * not tried: each would cost the full timeout and retries for the same result.
 *
 * <p>Logs scene ids, commands and the advertised address, never params: a scene carries token
 * material. Thread-safe.
 */
public final class GatewayScenes {

    /** Sends one miIO request to the gateway; {@link MiioDeviceClient#send} fits. */
    @FunctionalInterface
    public interface Requester {

        /** Sends {@code method} with {@code params} and completes with the response's {@code result}. */
        CompletableFuture<JsonNode> send(String method, JsonNode params);
    }

    /**
     * What a removal achieved.
     *
     * @param removed the ids the gateway confirmed deleted, in order
     * @param remaining the ids that failed or were not tried, in order
     */
    public record Removal(List<String> removed, List<String> remaining) {

        /** Copies the lists. */
        public Removal {
            removed = List.copyOf(removed);
            remaining = List.copyOf(remaining);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayScenes.class);

    private final Requester requester;
    private final String gateway;
    private final Set<String> installed = ConcurrentHashMap.newKeySet();

    /**
     * @param requester talks to the gateway
     * @param gateway the gateway's host, for log lines and messages
     */
    public GatewayScenes(Requester requester, String gateway) {
        this.requester = Objects.requireNonNull(requester, "requester");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * Uploads the scenes in order. Completes when all are installed, or exceptionally with a
     * {@link SceneInstallException} for the first scene that failed (the later ones are not sent).
     * Uploading a scene id the gateway has replaces that scene.
     */
    public CompletableFuture<Void> install(List<SceneUpload> uploads) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (SceneUpload upload : uploads) {
            chain = chain.thenCompose(ignored -> installOne(upload));
        }
        return chain.handle((ok, failure) -> {
            if (failure != null) {
                throw new CompletionException(unwrap(failure));
            }
            return null;
        });
    }

    private CompletableFuture<Void> installOne(SceneUpload upload) {
        String sceneId = upload.scene().sceneId();
        installed.remove(sceneId);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        List<ObjectNode> frames = upload.frameParams();
        for (int i = 0; i < frames.size(); i++) {
            ObjectNode frame = frames.get(i);
            String which = "frame " + (i + 1) + " of " + frames.size();
            chain = chain.thenCompose(ignored -> requester.send(SendDataFrames.METHOD, frame)
                    .handle((result, failure) -> {
                        if (failure != null) {
                            Throwable cause = unwrap(failure);
                            throw new CompletionException(new SceneInstallException(sceneId, "gateway " + gateway
                                    + ": scene " + sceneId + " (" + upload.scene().command().text() + "), " + which
                                    + ": " + cause.getMessage(), cause));
                        }
                        if (!SendDataFrames.isSuccess(result)) {
                            throw new CompletionException(new SceneInstallException(sceneId, "gateway " + gateway
                                    + ": scene " + sceneId + " (" + upload.scene().command().text() + "), " + which
                                    + ": the gateway answered " + shortText(result) + " instead of [\"ok\"]", null));
                        }
                        return null;
                    }));
        }
        return chain.thenRun(() -> {
            installed.add(sceneId);
            LOG.debug("miIO gateway {}: scene {} installed ({})", gateway, sceneId, upload.scene().command().text());
        });
    }

    /**
     * Deletes the scenes, one {@code miIO.xdel} per id, in order; never fails (the outcome says
     * what is left). Stops trying after a request that got no answer (timeout, unreachable, closed).
     */
    public CompletableFuture<Removal> remove(List<String> sceneIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(sceneIds));
        List<String> removed = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (String id : ids) {
            chain = chain.thenCompose(goOn -> {
                if (!goOn) {
                    remaining.add(id);
                    return CompletableFuture.completedFuture(false);
                }
                return removeOne(id, removed, remaining);
            });
        }
        return chain.thenApply(ignored -> new Removal(removed, remaining));
    }

    private CompletableFuture<Boolean> removeOne(String id, List<String> removed, List<String> remaining) {
        JsonNode params = SceneRemovalRequests.params(List.of(id)).get(0);
        return requester.send(SceneRemovalRequests.METHOD, params).handle((result, failure) -> {
            if (failure == null && SendDataFrames.isSuccess(result)) {
                installed.remove(id);
                removed.add(id);
                return true;
            }
            remaining.add(id);
            if (failure == null) {
                LOG.warn("miIO gateway {}: deleting scene {} answered {} instead of [\"ok\"]", gateway, id,
                        shortText(result));
                return true;
            }
            Throwable cause = unwrap(failure);
            LOG.warn("miIO gateway {}: deleting scene {} failed: {}", gateway, id, cause.getMessage());
            return !(cause instanceof MiioDeviceException device) || device.kind() == MiioDeviceException.Kind.DEVICE_ERROR
                    || device.kind() == MiioDeviceException.Kind.MALFORMED_RESPONSE;
        });
    }

    /** The ids this instance installed and did not remove since. */
    public Set<String> installed() {
        return Set.copyOf(installed);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A reply is the gateway's, not ours: keep it short and on one line. */
    private static String shortText(JsonNode result) {
        return SceneCommand.printable(String.valueOf(result));
    }
}
