package io.github.camelkapso.message;

import java.util.Map;

/** {@code type: location}: a pin at the coordinates, with an optional place name and address. */
public final class LocationMessageBuilder extends OutgoingMessageBuilder<LocationMessageBuilder> {

    private final double latitude;
    private final double longitude;
    private String name;
    private String address;

    LocationMessageBuilder(String to, double latitude, double longitude) {
        super(to, "location");
        FieldRules.within("location.latitude", latitude, -90, 90);
        FieldRules.within("location.longitude", longitude, -180, 180);
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public LocationMessageBuilder name(String name) {
        this.name = FieldRules.required("location.name", name);
        return this;
    }

    public LocationMessageBuilder address(String address) {
        this.address = FieldRules.required("location.address", address);
        return this;
    }

    @Override
    Object content() {
        Map<String, Object> location = JsonObjects.of("latitude", latitude, "longitude", longitude);
        if (name != null) {
            location.put("name", name);
        }
        if (address != null) {
            location.put("address", address);
        }
        return location;
    }
}
