package io.github.camelkapso.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog artifact carries no Camel: tools and the simulator read it without pulling Camel in. */
class CamelFreeTest {

    @Test
    void noCamelClassIsOnTheCatalogsClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.CamelContext"))
                .as("org.apache.camel reached kapso-catalog's classpath; keep the module Jackson-only")
                .isInstanceOf(ClassNotFoundException.class);
    }
}
