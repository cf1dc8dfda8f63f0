"""Small widgets and models shared by the features: record tables, check lists, choice boxes, drops."""
