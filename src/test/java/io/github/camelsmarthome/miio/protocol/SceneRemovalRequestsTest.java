package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Brief 6.8: unsubscribing deletes every scene, not every second one as python-miio does. */
class SceneRemovalRequestsTest {

    private static final List<String> IDS = IntStream.rangeClosed(1, 7)
            .mapToObj(i -> DeterministicSceneId.of("gw", "lumi.158d0001a2b3c4", "a" + i)).toList();

    @Test
    void removingNScenesSendsRequestsCoveringAllNIdsInOrder() {
        List<ArrayNode> requests = SceneRemovalRequests.params(IDS);

        assertThat(requests).hasSize(7).allSatisfy(params -> assertThat(params).hasSize(1));
        assertThat(idsOf(requests)).containsExactlyElementsOf(IDS);
    }

    @Test
    void batchedRequestsAlsoCoverEveryIdExactlyOnce() {
        List<ArrayNode> requests = SceneRemovalRequests.params(IDS, 3);

        assertThat(requests).extracting(ArrayNode::size).containsExactly(3, 3, 1);
        assertThat(idsOf(requests)).containsExactlyElementsOf(IDS);
    }

    @Test
    void theBriefsRequestHasTheSceneIdAsTheOnlyParam() {
        assertThat(SceneRemovalRequests.params(List.of("x.scene.1000001")).get(0).toString())
                .isEqualTo("[\"x.scene.1000001\"]");
    }

    @Test
    void somethingThatIsNotASceneIdIsRefused() {
        assertThatThrownBy(() -> SceneRemovalRequests.params(List.of("x.scene.1", "rm -rf")))
                .hasMessageContaining("'rm -rf' is not a scene id");
    }

    private static List<String> idsOf(List<ArrayNode> requests) {
        List<String> ids = new ArrayList<>();
        for (ArrayNode params : requests) {
            for (JsonNode id : params) {
                ids.add(id.asText());
            }
        }
        return ids;
    }
}
