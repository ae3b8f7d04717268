package io.github.camelkapso.error;

import java.util.ArrayList;
import java.util.List;

/** The fields {@link ErrorBodyReader} found in an error body; all optional. */
final class ParsedErrorBody {
    String message;
    Integer code;
    Integer subcode;
    String type;
    String fbtraceId;
    String details;
    String platformCode;
    final List<String> errors = new ArrayList<>();
}
