"""Read plans from PDF with pdfplumber: text lines, rules and tables rebuilt from geometry."""
