"""The Qt window: one subpackage per feature; only ``window`` assembles them."""
