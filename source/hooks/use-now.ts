// A clock that ticks, for "updated 12s ago" and relative start times.
import {useEffect, useState} from 'react';

export const useNow = (intervalMs = 1000, clock: () => number = Date.now): number => {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		const timer = setInterval(() => setNow(clock()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs, clock]);
	return now;
};
