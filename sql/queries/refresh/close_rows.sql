-- Closes cursor bronze_rows before the merge.
close bronze_rows;
