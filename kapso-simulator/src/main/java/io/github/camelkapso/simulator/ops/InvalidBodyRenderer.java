package io.github.camelkapso.simulator.ops;

import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.validation.SchemaValidator;

/** Answers a request body that breaks the published schema, for operations whose errors have their own shape. */
@FunctionalInterface
public interface InvalidBodyRenderer {

    ApiError render(SimRequest request, SchemaValidator.Violation violation);
}
