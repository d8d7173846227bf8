// Transient messages (copied, rejected key ...) that clear themselves after a few seconds.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {StatusTone} from '../format.js';

export type Flash = {readonly text: string; readonly tone: StatusTone};

export const useFlash = (durationMs = 3000): [Flash | undefined, (text: string, tone?: StatusTone) => void] => {
	const [flash, setFlash] = useState<Flash | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const show = useCallback(
		(text: string, tone: StatusTone = 'info') => {
			setFlash({text, tone});
			if (timer.current) clearTimeout(timer.current);
			timer.current = setTimeout(() => setFlash(undefined), durationMs);
		},
		[durationMs],
	);
	useEffect(() => () => clearTimeout(timer.current), []);
	return [flash, show];
};
