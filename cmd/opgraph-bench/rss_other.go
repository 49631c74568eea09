//go:build !linux

package main

import "os"

// peakRSS is 0 (not measured) where getrusage's units or presence differ.
func peakRSS(*os.ProcessState) int64 { return 0 }
