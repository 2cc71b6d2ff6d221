package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.homeconnect.HomeConnectComponent;
import io.github.camelsmarthome.simplisafe.SimplisafeComponent;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class SharedVertxTest {

    @Test
    void homeConnectAndSimplisafeComponentsUseTheOneBoundVertx() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Vertx shared = SharedVertx.bindTo(context);

            assertThat(context.getComponent("homeconnect", HomeConnectComponent.class).getVertx()).isSameAs(shared);
            assertThat(context.getComponent("simplisafe", SimplisafeComponent.class).getVertx()).isSameAs(shared);
        }
    }

    @Test
    void theSharedVertxIsClosedOnceTheContextHasStopped() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Vertx shared = SharedVertx.bindTo(context);
        context.start();
        assertThat(((VertxInternal) shared).closeFuture().isClosed()).isFalse();

        context.stop();

        assertThat(((VertxInternal) shared).closeFuture().isClosed()).isTrue();
    }

    @Test
    void oneEventLoopPerCoreAndAFewWorkers() {
        assertThat(SharedVertx.options(2).getEventLoopPoolSize()).isEqualTo(2);
        assertThat(SharedVertx.options(0).getEventLoopPoolSize()).isEqualTo(1);
        assertThat(SharedVertx.options(2).getWorkerPoolSize()).isEqualTo(SharedVertx.WORKER_POOL_SIZE);
    }
}
