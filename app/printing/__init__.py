"""Print-outs as PDF (ReportLab), with the bundled Chinese font embedded so they print alike."""
