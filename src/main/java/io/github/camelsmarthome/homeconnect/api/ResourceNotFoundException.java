package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 404: the appliance, key, program or image does not exist. Not an outage: treat the thing
 * asked for as absent. The subclasses name the two "nothing there" answers of the program
 * endpoints.
 */
public class ResourceNotFoundException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ResourceNotFoundException(ErrorDetails details) {
        this(details, "The resource does not exist; treat it as absent.");
    }

    ResourceNotFoundException(ErrorDetails details, String advice) {
        super(details, advice);
    }
}
