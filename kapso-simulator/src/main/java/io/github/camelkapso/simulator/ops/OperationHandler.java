package io.github.camelkapso.simulator.ops;

import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;

/** Serves one catalog operation. Runs on the simulator's event loop; throws ApiError for documented failures. */
@FunctionalInterface
public interface OperationHandler {

    SimResponse handle(SimRequest request);
}
