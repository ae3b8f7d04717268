package io.github.camelkapso.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code type: template}: an approved template by name and language, with the values for its header, body and button
 * variables. A template uses either positional ({@code {{1}}}) or named ({@code {{first_name}}}) variables, never
 * both, so the text parameters of one message must all be of one style.
 */
public final class TemplateMessageBuilder extends OutgoingMessageBuilder<TemplateMessageBuilder> {

    /** Meta numbers template buttons 0 to 9. */
    static final int MAX_BUTTON_INDEX = 9;
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z0-9_]+");

    private final String name;
    private final String languageCode;
    private Map<String, Object> headerParameter;
    private final List<Map<String, Object>> bodyParameters = new ArrayList<>();
    private final TreeMap<Integer, Map<String, Object>> buttons = new TreeMap<>();
    private Boolean namedParameters;

    TemplateMessageBuilder(String to, String name, String languageCode) {
        super(to, "template");
        this.name = FieldRules.required("template.name", name);
        this.languageCode = FieldRules.required("template.language.code", languageCode);
    }

    /** The value of a positional header variable ({@code {{1}}}). */
    public TemplateMessageBuilder headerText(String text) {
        return header(textParameter("template header parameter", null, text));
    }

    public TemplateMessageBuilder namedHeaderText(String parameterName, String text) {
        return header(textParameter("template header parameter", parameterName, text));
    }

    public TemplateMessageBuilder headerImage(Media media) {
        return header(mediaParameter("image", media));
    }

    public TemplateMessageBuilder headerVideo(Media media) {
        return header(mediaParameter("video", media));
    }

    public TemplateMessageBuilder headerDocument(Media media) {
        return header(mediaParameter("document", media));
    }

    /** Values of positional body variables, in order: the first fills {@code {{1}}}; further calls continue. */
    public TemplateMessageBuilder bodyTexts(String... texts) {
        for (String text : texts) {
            bodyParameters.add(textParameter("template body parameter " + (bodyParameters.size() + 1), null, text));
        }
        return this;
    }

    public TemplateMessageBuilder namedBodyText(String parameterName, String text) {
        bodyParameters.add(textParameter("template body parameter " + parameterName, parameterName, text));
        return this;
    }

    /** The variable end of a dynamic URL button, e.g. the order id appended to {@code https://shop.example/o/}. */
    public TemplateMessageBuilder urlButton(int index, String urlSuffix) {
        String field = "template button " + index + " url suffix";
        return button(index, "url", JsonObjects.of("type", "text", "text", FieldRules.required(field, urlSuffix)));
    }

    /** The payload a quick-reply button sends back to the webhook when tapped. */
    public TemplateMessageBuilder quickReplyButton(int index, String payload) {
        String field = "template button " + index + " payload";
        return button(index, "quick_reply", JsonObjects.of("type", "payload", "payload", FieldRules.required(field, payload)));
    }

    @Override
    Object content() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("language", JsonObjects.of("code", languageCode));
        List<Map<String, Object>> components = new ArrayList<>();
        if (headerParameter != null) {
            components.add(component("header", List.of(headerParameter)));
        }
        if (!bodyParameters.isEmpty()) {
            components.add(component("body", List.copyOf(bodyParameters)));
        }
        components.addAll(buttons.values());
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        return template;
    }

    private TemplateMessageBuilder header(Map<String, Object> parameter) {
        if (headerParameter != null) {
            throw new IllegalArgumentException("template header takes one parameter; it was already set");
        }
        headerParameter = parameter;
        return this;
    }

    private TemplateMessageBuilder button(int index, String subType, Map<String, Object> parameter) {
        if (index < 0 || index > MAX_BUTTON_INDEX) {
            throw new IllegalArgumentException("template button index must be between 0 and " + MAX_BUTTON_INDEX
                                               + ", got " + index);
        }
        if (buttons.containsKey(index)) {
            throw new IllegalArgumentException("template button index must be unique within the message; " + index
                                               + " is used twice");
        }
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("type", "button");
        button.put("sub_type", subType);
        button.put("index", String.valueOf(index));
        button.put("parameters", List.of(parameter));
        buttons.put(index, button);
        return this;
    }

    private Map<String, Object> textParameter(String field, String parameterName, String text) {
        requireOneStyle(field, parameterName != null);
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("type", "text");
        if (parameterName != null) {
            if (!PARAMETER_NAME.matcher(parameterName).matches()) {
                throw new IllegalArgumentException(field + " name must be lowercase letters, digits and underscores, got \""
                                                   + parameterName + "\"");
            }
            parameter.put("parameter_name", parameterName);
        }
        parameter.put("text", FieldRules.required(field, text));
        return parameter;
    }

    private void requireOneStyle(String field, boolean named) {
        if (namedParameters != null && namedParameters != named) {
            throw new IllegalArgumentException(field + " is " + (named ? "named" : "positional") + " but earlier ones are "
                                               + (named ? "positional" : "named")
                                               + ": a template's variables are all named or all positional");
        }
        namedParameters = named;
    }

    private static Map<String, Object> mediaParameter(String kind, Media media) {
        return JsonObjects.of("type", kind, kind, Media.required("template header " + kind, media).toMap());
    }

    private static Map<String, Object> component(String type, List<Map<String, Object>> parameters) {
        return JsonObjects.of("type", type, "parameters", parameters);
    }
}
