"""Small widgets the pages share: name pickers, optional dates, metric rows, confirmations."""
