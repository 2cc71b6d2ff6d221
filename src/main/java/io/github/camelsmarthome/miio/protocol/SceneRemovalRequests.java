package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code miIO.xdel} requests that delete scenes from a gateway (brief 6.8): the params of each
 * request, an array of scene ids, to be sent in list order; a reply {@code ["ok"]}
 * ({@link SendDataFrames#isSuccess}) means those ids are gone.
 *
 * <p>Every id given is in exactly one request, unlike python-miio, whose stop deletes only every
 * second scene. One id per request is the form seen working on real gateways; the app puts
 * several ids into one request, which {@link #params(List, int)} allows.
 */
public final class SceneRemovalRequests {

    /** The method of each request. */
    public static final String METHOD = "miIO.xdel";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SceneRemovalRequests() {
    }

    /** One request per scene id, in order. */
    public static List<ArrayNode> params(List<String> sceneIds) {
        return params(sceneIds, 1);
    }

    /**
     * Requests of at most {@code idsPerRequest} ids each, covering every id once, in order;
     * repeated ids are sent once.
     *
     * @throws IllegalArgumentException when an id is not of the form {@code x.scene.<digits>}
     */
    public static List<ArrayNode> params(List<String> sceneIds, int idsPerRequest) {
        if (idsPerRequest < 1) {
            throw new IllegalArgumentException("idsPerRequest must be at least 1, not " + idsPerRequest);
        }
        List<String> unique = sceneIds.stream().distinct().toList();
        List<ArrayNode> requests = new ArrayList<>();
        ArrayNode current = null;
        for (String id : unique) {
            if (!DeterministicSceneId.isSceneId(id)) {
                throw new IllegalArgumentException("'" + SceneCommand.printable(id) + "' is not a scene id (x.scene.<digits>)");
            }
            if (current == null || current.size() == idsPerRequest) {
                current = NODES.arrayNode();
                requests.add(current);
            }
            current.add(id);
        }
        return requests;
    }
}
