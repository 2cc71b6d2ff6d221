package io.github.camelsmarthome.simulator.miio;

import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON_MODEL;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.CLICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Scene reassembly and parsing against hostile uploads, and the command limit of brief 6.5. */
class SceneStoreTest {

    private final SceneStore store = new SceneStore(new ObjectMapper());

    @Test
    void unfinishedUploadsAreCappedDroppingTheOldest() throws Exception {
        for (int token = 0; token < SceneStore.MAX_PENDING_UPLOADS + 5; token++) {
            store.acceptFrame(token, 0, 2, "[");
        }

        assertThat(store.pendingUploads()).isEqualTo(SceneStore.MAX_PENDING_UPLOADS);
        assertThat(store.acceptFrame(0, 1, 2, "]")).as("upload 0 was dropped: its second frame completes nothing").isEmpty();
    }

    @Test
    void frameNumbersOutsideTheUploadAreRefused() {
        assertThatThrownBy(() -> store.acceptFrame(1, 2, 2, "x")).isInstanceOf(InvalidSceneException.class).hasMessageContaining("cur");
        assertThatThrownBy(() -> store.acceptFrame(1, 0, 0, "x")).hasMessageContaining("total");
        assertThatThrownBy(() -> store.acceptFrame(1, 0, 1, "x".repeat(SceneStore.MAX_FRAME_CHARS + 1))).hasMessageContaining("at most");
    }

    @Test
    void aSceneWithoutATargetIpIsRefusedWithoutQuotingIt() {
        String noIp = SceneUploads.scene("x.scene.1", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, SceneUploads.TOKEN, "127.0.0.1")
                .replace("\"ip\":\"127.0.0.1\",", "");

        assertThatThrownBy(() -> store.acceptFrame(1, 0, 1, noIp)).hasMessageContaining("ip").hasMessageNotContaining(SceneUploads.TOKEN);
        assertThat(store.scenes()).isEmpty();
    }

    @Test
    void theCommandIsCutAt49CharactersBeforeTheModelIsStripped() {
        SceneAction longAction = new SceneAction("chuangmi.plug.v3.both_l_click_x:lumi_158d0001a2b3c4", "120009025", "10.0.0.1",
                "chuangmi.plug.v3", "00");

        assertThat(longAction.method()).isEqualTo("both_l_click_x:lumi_158d0001a2b3");
        assertThat(longAction.toString()).doesNotContain("token=");
    }

    @Test
    void aTriggerMatchesItsSidByExtraOrEventName() {
        SceneTrigger trigger = new SceneTrigger(BUTTON, CLICK, "event.lumi.sensor_switch.aq2.click_ch0", BUTTON_MODEL);

        assertThat(trigger.matches(BUTTON, CLICK)).isTrue();
        assertThat(trigger.matches(BUTTON, "click_ch0")).isTrue();
        assertThat(trigger.matches(BUTTON, "double_click_ch0")).isFalse();
        assertThat(trigger.matches("lumi.other", "click_ch0")).isFalse();
    }
}
