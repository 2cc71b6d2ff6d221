package io.github.camelsmarthome.homeconnect;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code homeconnect:} URI used the wrong way round, or naming no operation there is, stops the
 * route from starting with a message that says what to write instead, before any request.
 */
class HomeConnectEndpointTest extends HomeConnectComponentTestSupport {

    @Test
    void eventsUsedAsAProducerFailsAtRouteStartSayingToConsumeIt() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("homeconnect:events");
            }
        });

        assertThatThrownBy(camel::start).rootCause()
                .hasMessageContaining("homeconnect:events").hasMessageContaining("from(...)")
                .hasMessageContaining("homeconnect:getStatus");
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void anOperationUsedAsAConsumerFailsAtRouteStartSayingToUseEvents() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:getStatus").to("mock:status");
            }
        });

        assertThatThrownBy(camel::start).rootCause()
                .hasMessageContaining("homeconnect:getStatus").hasMessageContaining("to(...)")
                .hasMessageContaining("from(\"homeconnect:events\")");
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void anUnknownOperationFailsListingTheValidOnes() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("homeconnect:getStatuses");
            }
        });

        assertThatThrownBy(camel::start).rootCause()
                .hasMessageContaining("'getStatuses'")
                .hasMessageContaining("valid operations: listAppliances, getAppliance, getStatus")
                .hasMessageContaining("executeCommand").hasMessageContaining("getImage");
    }

    @Test
    void anOperationInTheWrongCaseFailsSuggestingTheRightOne() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("homeconnect:getstatus");
            }
        });

        assertThatThrownBy(camel::start).rootCause().hasMessageContaining("did you mean getStatus?");
    }

    @Test
    void aUriWithoutOperationFailsNamingBothForms() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("homeconnect://?haId=x");
            }
        });

        assertThatThrownBy(camel::start).rootCause().hasMessageContaining("homeconnect:events")
                .hasMessageContaining("homeconnect:<operation>");
    }
}
