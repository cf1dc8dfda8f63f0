"""Reviews: the supervisor's marks and comments on quotes, per reviewer."""
